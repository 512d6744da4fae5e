using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Erasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ErasedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ErasedBecause",
                table: "Applications",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageAttachments_Hash",
                table: "MessageAttachments",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_Hash",
                table: "Letters",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Hash",
                table: "Documents",
                column: "Hash");

            // Applications closed before the column existed: their last change was their closing (nothing changes a closed one).
            migrationBuilder.Sql("UPDATE Applications SET ClosedAt = UpdatedAt WHERE Status IN ('approved', 'rejected', 'acknowledged', 'withdrawn');");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ErasedAt_ProcedureId_DefinitionVersion_ClosedAt",
                table: "Applications",
                columns: new[] { "ErasedAt", "ProcedureId", "DefinitionVersion", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MessageAttachments_Hash",
                table: "MessageAttachments");

            migrationBuilder.DropIndex(
                name: "IX_Letters_Hash",
                table: "Letters");

            migrationBuilder.DropIndex(
                name: "IX_Documents_Hash",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ErasedAt_ProcedureId_DefinitionVersion_ClosedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ErasedBecause",
                table: "Applications");
        }
    }
}
