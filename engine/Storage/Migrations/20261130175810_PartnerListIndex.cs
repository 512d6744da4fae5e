using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PartnerListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProcedureId_UpdatedAt_Id",
                table: "Applications",
                columns: new[] { "ProcedureId", "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_ProcedureId_UpdatedAt_Id",
                table: "Applications");
        }
    }
}
