using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InboxFiltersAndDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Province",
                table: "PendingWork",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Search",
                table: "PendingWork",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "PendingWork",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "in_review");

            // Pending work written before these columns: the application's province, and the reference and name as
            // search keys (plain SQL both providers run; identifiers and accent folding come with the next transition).
            migrationBuilder.Sql(
                "UPDATE PendingWork SET "
                + "Province = COALESCE((SELECT a.Province FROM Applications a WHERE a.Id = PendingWork.ApplicationId), ''), "
                + "Search = LOWER(COALESCE(Reference, '') || ' ' || ApplicantName)");

            migrationBuilder.CreateTable(
                name: "MonthlyFigures",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Submitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Decided = table.Column<int>(type: "INTEGER", nullable: false),
                    Approved = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedWithDeadline = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedInTime = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyFigures", x => new { x.Province, x.Month, x.ProcedureId });
                });

            migrationBuilder.CreateTable(
                name: "ProcessingTimes",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingTimes", x => new { x.Province, x.Month, x.ProcedureId, x.BusinessDays });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province_DueOn",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "ProcedureId", "Step", "Status", "Province", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_SubmittedOn",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "SubmittedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_Province_ProcedureId_Step_DueOn",
                table: "Applications",
                columns: new[] { "Status", "Province", "ProcedureId", "Step", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlyFigures");

            migrationBuilder.DropTable(
                name: "ProcessingTimes");

            migrationBuilder.DropIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province_DueOn",
                table: "PendingWork");

            migrationBuilder.DropIndex(
                name: "IX_PendingWork_Role_Territory_SubmittedOn",
                table: "PendingWork");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_Province_ProcedureId_Step_DueOn",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Province",
                table: "PendingWork");

            migrationBuilder.DropColumn(
                name: "Search",
                table: "PendingWork");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "PendingWork");
        }
    }
}
