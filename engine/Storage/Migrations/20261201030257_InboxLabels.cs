using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InboxLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province_ClaimedBy_DueOn",
                table: "PendingWork");

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingReply",
                table: "PendingWork",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ApplicationLabels",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationLabels", x => new { x.ApplicationId, x.Label });
                    table.ForeignKey(
                        name: "FK_ApplicationLabels_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province_ClaimedBy_AwaitingReply_DueOn",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "ProcedureId", "Step", "Status", "Province", "ClaimedBy", "AwaitingReply", "DueOn" });

            // Files already awaiting a reply: their latest message is the applicant's.
            migrationBuilder.Sql("""
                UPDATE "PendingWork" SET "AwaitingReply" = TRUE
                WHERE "ApplicationId" IN (
                    SELECT m."ApplicationId" FROM "Messages" m
                    WHERE m."FromApplicant" = TRUE
                      AND NOT EXISTS (SELECT 1 FROM "Messages" r WHERE r."ApplicationId" = m."ApplicationId" AND r."AuditSequence" > m."AuditSequence"))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationLabels_Label_ApplicationId",
                table: "ApplicationLabels",
                columns: new[] { "Label", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationLabels");

            migrationBuilder.DropIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province_ClaimedBy_AwaitingReply_DueOn",
                table: "PendingWork");

            migrationBuilder.DropColumn(
                name: "AwaitingReply",
                table: "PendingWork");

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province_ClaimedBy_DueOn",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "ProcedureId", "Step", "Status", "Province", "ClaimedBy", "DueOn" });
        }
    }
}
